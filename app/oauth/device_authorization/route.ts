export { deviceAuthorization as POST, deviceAuthorization as OPTIONS } from '@/lib/server/handlers';
