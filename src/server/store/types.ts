// The stores the server keeps, one per feature, opened together by openStore() (open.ts). SQLite
// (sqlite*.ts) and PostgreSQL (postgres*.ts) implement each; the same contract tests run on both.
import type { CommentStore } from "./comments.ts";
import type { PollStore } from "./polls.ts";
import type { StaffStore } from "./staff.ts";
import type { VisitStore } from "./visits.ts";

export type StoreKind = "sqlite" | "postgres";

export type SecretStore = {
  /** A random secret shared by every server on this database, made on first use. */
  secret(name: string): Promise<string>;
};

/**
 * One database's stores. Every method resolves only after its write is committed, on every node
 * sharing the database. A feature takes only the store it uses.
 */
export type Stores = {
  readonly kind: StoreKind;
  readonly polls: PollStore;
  readonly visits: VisitStore;
  readonly comments: CommentStore;
  readonly staff: StaffStore;
  readonly secrets: SecretStore;
  /** Resolves when the database answers a query; rejects otherwise. */
  ping(): Promise<void>;
  /** Resolves when a real write commits (a row in server_meta); rejects when writes fail. */
  probeWrite(): Promise<void>;
  close(): Promise<void>;
};

export type { CommentStore, PollStore, StaffStore, VisitStore };
