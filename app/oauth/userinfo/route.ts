export { userinfo as GET, userinfo as POST, userinfo as OPTIONS } from '@/lib/server/handlers';
