export { resourceMetadata as GET, resourceMetadata as OPTIONS } from '@/lib/server/handlers';
