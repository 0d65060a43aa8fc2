import type { InteractionStore } from '../../oidc/ports.ts';
import type { Db } from '../client.ts';

export function interactionStore(db: Db): InteractionStore {
  return {
    async create(record) {
      await db.interaction.create({ data: { ...record, params: JSON.stringify(record.params) } });
    },
    async find(id) {
      const row = await db.interaction.findUnique({ where: { id } });
      return row ? { ...row, params: JSON.parse(row.params) as Record<string, string> } : null;
    },
    async mark(id, field, at) {
      await db.interaction.updateMany({ where: { id }, data: { [field]: at } });
    },
    async updateParams(id, params) {
      await db.interaction.updateMany({ where: { id }, data: { params: JSON.stringify(params) } });
    },
    async delete(id) {
      await db.interaction.deleteMany({ where: { id } });
    },
  };
}
