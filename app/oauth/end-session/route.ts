export { endSession as GET, endSession as POST } from '@/lib/server/handlers';
