export { revoke as POST, revoke as OPTIONS } from '@/lib/server/handlers';
