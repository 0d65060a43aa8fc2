/** The client a use case's transaction callback receives (`db.$transaction(async (tx) => …)`). */
import type { Prisma } from '../db/generated/sqlite/client.ts';

export type Tx = Prisma.TransactionClient;
