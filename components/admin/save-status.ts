/** What a settings form says after saving: nothing yet, saved, or the server's words. */
export type SaveStatus = { tone: 'success' | 'error'; text: string } | null;

export const SAVED: SaveStatus = { tone: 'success', text: 'Saved. It applies on every server within a moment.' };
