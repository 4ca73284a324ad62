import type {Database} from './database.js';

/** A queue view the agent saved in the TUI: the filter line under a name, per profile. */
export type StoredView = {readonly name: string; readonly filter: string};

/** The profile's saved views, oldest first (the order `v` steps through them). */
export function listSavedViews(db: Database, profile: string): StoredView[] {
	return db
		.prepare('SELECT name, filter FROM saved_views WHERE profile = ? ORDER BY created_at, name')
		.all(profile)
		.map((row) => ({name: String(row['name']), filter: String(row['filter'])}));
}

/** Saves the view; a view of the same name gets the new filter and keeps its place. */
export function saveView(db: Database, profile: string, view: StoredView, at: string): void {
	db.prepare(
		`INSERT INTO saved_views (profile, name, filter, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (profile, name) DO UPDATE SET filter = excluded.filter`,
	).run(profile, view.name, view.filter, at);
}

/** True when there was a view of that name to delete. */
export function deleteView(db: Database, profile: string, name: string): boolean {
	return Number(db.prepare('DELETE FROM saved_views WHERE profile = ? AND name = ?').run(profile, name).changes) > 0;
}
