// Staff user names. Sign-in accepts what older versions created (USERNAME); staff:add creates
// only NEW_USERNAME: starts with a letter or digit (never "-", so never an option like --help),
// then letters, digits, dot, dash, underscore; 2 to 32 characters; no "..".
export const USERNAME = /^[a-z0-9._-]{2,40}$/;
export const NEW_USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Why staff:add refuses this name (Vietnamese), or undefined when it may be created. */
export function newUsernameProblem(name: string): string | undefined {
  if (NEW_USERNAME.test(name) && !name.includes("..")) return undefined;
  return `Tên đăng nhập «${name}» không hợp lệ: bắt đầu bằng chữ thường không dấu hoặc số, sau đó chỉ dùng chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (không hai dấu chấm liền nhau); 2–32 ký tự.`;
}
