export { par as POST, par as OPTIONS } from '@/lib/server/handlers';
