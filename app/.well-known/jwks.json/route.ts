export { jwks as GET, jwks as OPTIONS } from '@/lib/server/handlers';
