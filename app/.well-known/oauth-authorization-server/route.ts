export { discovery as GET, discovery as OPTIONS } from '@/lib/server/handlers';
