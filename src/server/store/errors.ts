// The one error a store throws at open: the server prints it and stops.
export class StoreOpenError extends Error {}

/** A database URL fit for a log: the password replaced, so the message can be shown to staff. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}
