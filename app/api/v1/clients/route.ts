export { api as GET, api as POST, api as PUT, api as PATCH, api as DELETE } from '@/lib/server/api-handlers';
