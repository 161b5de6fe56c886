// The CommentStore checks on a temporary SQLite file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openSqliteStore } from "../../../src/server/store/sqlite.ts";
import { commentStoreCases } from "./comment-store-cases.ts";

const dir = mkdtempSync(join(tmpdir(), "portal-comments-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
commentStoreCases("SQLite", async () => openSqliteStore(join(dir, `db-${n++}.sqlite`)));
