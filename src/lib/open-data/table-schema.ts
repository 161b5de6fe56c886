// A dataset's columns as Frictionless Table Schema fields, from the same zod schema the data check
// uses (zod's JSON Schema of it): type, title, description and constraints are never written twice.
import { z } from "zod";

type JsonProperty = {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  title?: string;
  description?: string;
  required?: boolean;
};

export type TableField = {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  title?: string | undefined;
  description?: string | undefined;
  trueValues?: string[];
  falseValues?: string[];
  constraints: {
    required: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
};

const TYPES = new Set(["string", "integer", "number", "boolean"]);

function field(name: string, p: JsonProperty, required: boolean): TableField {
  const type = (TYPES.has(p.type ?? "") ? p.type : "string") as TableField["type"];
  const constraints: TableField["constraints"] = { required };
  if (p.enum) constraints.enum = p.enum;
  if (p.minimum !== undefined) constraints.minimum = p.minimum;
  // zod's integer ceiling is Number.MAX_SAFE_INTEGER: not a constraint of the data.
  if (p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER)
    constraints.maximum = p.maximum;
  if (p.pattern) constraints.pattern = p.pattern;
  // The CSV downloads write flags as 1 and 0 (src/lib/data/download.ts).
  const flags = type === "boolean" ? { trueValues: ["1"], falseValues: ["0"] } : {};
  return { name, type, title: p.title, description: p.description, ...flags, constraints };
}

/** Every column of the schema, in CSV order. */
export function tableFields(schema: z.ZodObject): TableField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, JsonProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.keys(schema.shape).map((name) =>
    field(name, json.properties[name] ?? {}, required.has(name)),
  );
}
