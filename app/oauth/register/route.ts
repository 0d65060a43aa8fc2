export { register as POST } from '@/lib/server/handlers';
