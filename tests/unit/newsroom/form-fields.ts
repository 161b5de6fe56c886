// What a browser posts for a form's HTML, without a browser: text inputs, checked radios and
// checkboxes, each select's chosen option (else its first), by field name in document order.
import { Parser } from "htmlparser2";

export function posted(html: string): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  const add = (name: string, value: string) => (form[name] ??= []).push(value);
  let select: { name: string; first?: string; chosen?: string } | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === "input" && attrs.name !== undefined) {
          const plain = attrs.type !== "radio" && attrs.type !== "checkbox";
          if (plain || "checked" in attrs) add(attrs.name, attrs.value ?? "");
        } else if (tag === "select") select = { name: attrs.name! };
        else if (tag === "option" && select) {
          select.first ??= attrs.value;
          if ("selected" in attrs) select.chosen = attrs.value;
        }
      },
      onclosetag(tag) {
        if (tag === "select" && select) add(select.name, select.chosen ?? select.first ?? "");
        if (tag === "select") select = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return form;
}
