export { authorize as GET, authorize as POST } from '@/lib/server/handlers';
