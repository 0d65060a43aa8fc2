export { register as GET, register as PUT, register as DELETE } from '@/lib/server/handlers';
