// The CommentStore checks on each backend: a temporary SQLite file and a real PostgreSQL server.
import { describe } from "vitest";
import { BACKENDS } from "../../helpers/stores.ts";
import { commentStoreCases } from "./comment-store-cases.ts";

describe.each(BACKENDS)("$kind", (backend) => commentStoreCases(backend));
