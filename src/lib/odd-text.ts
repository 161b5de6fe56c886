// One rule for odd characters in what readers and staff send, used by every feature on both
// stores: control characters are refused (PostgreSQL cannot store NUL, and none belongs in a
// name or a comment); invisible formatting characters are kept as written but ignored when
// deciding that a field is empty or that two texts are the same.

/**
 * C0 controls except tab, line feed and carriage return (a form's textarea sends CR LF; the
 * text is stored with LF only), DEL, and the C1 controls.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Zero-width space, non-joiner and joiner, word joiner and invisible operators, the byte-order
 * mark, soft hyphen, Mongolian vowel separator, and every bidirectional control (marks,
 * embeddings, overrides, isolates).
 */
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The text with each control character shown as U+FFFD (�), to point at it in a refilled form. */
export function markControls(text: string): string {
  return text.replace(new RegExp(CONTROL.source, "gu"), "\uFFFD");
}

/** The first of `fields` whose string value has a control character, if any. */
export function fieldWithControl(
  values: Record<string, unknown>,
  fields: readonly string[],
): string | undefined {
  return fields.find((f) => {
    const v = Object.hasOwn(values, f) ? values[f] : undefined;
    return typeof v === "string" && hasControlCharacter(v);
  });
}

/** The text without invisible formatting characters: for emptiness and sameness only. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** True when nothing visible is left: spaces and invisible characters only. */
export function isBlank(text: string): boolean {
  return withoutInvisible(text).trim() === "";
}
