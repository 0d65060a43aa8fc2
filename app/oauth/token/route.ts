export { token as POST, token as OPTIONS } from '@/lib/server/handlers';
