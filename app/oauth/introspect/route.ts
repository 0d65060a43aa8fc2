export { introspect as POST, introspect as OPTIONS } from '@/lib/server/handlers';
