// The one definition of staff roles and what each may do; every staff route checks it on the
// server (session.ts requireRole), and staff:add and the account page accept only these values.
import { z } from "zod";

export const ROLES = ["kiem-duyet", "bien-tap", "quan-tri"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A new account's role, and what every account made before roles became. */
export const DEFAULT_ROLE: Role = "kiem-duyet";

export const ROLE_LABELS: Record<Role, string> = {
  "kiem-duyet": "Kiểm duyệt",
  "bien-tap": "Biên tập",
  "quan-tri": "Quản trị",
};

/** What each permission allows, and the roles that have it. */
export const PERMISSIONS = {
  /** Approve, reject or mark as spam comments and feedback. */
  moderate: ["kiem-duyet", "bien-tap", "quan-tri"],
  /** Write and publish articles and datasets (the newsroom). */
  publish: ["bien-tap", "quan-tri"],
  /** Add, disable, enable accounts, reset their passwords, change their roles. */
  manageAccounts: ["quan-tri"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** What a permission lets one do, in the words of a refusal ("không có quyền …"). */
const PERMISSION_TEXT: Record<Permission, string> = {
  moderate: "duyệt bình luận",
  publish: "viết và đăng bài, số liệu",
  manageAccounts: "quản lý tài khoản",
};

/** Why a role is refused a permission, in Vietnamese. */
export const deniedText = (role: Role, permission: Permission): string =>
  `Tài khoản của bạn (vai trò ${ROLE_LABELS[role]}) không có quyền ${PERMISSION_TEXT[permission]}; không có gì thay đổi. Nếu cần, mời nhờ một người quản trị.`;

export const may = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);

/** The role a value names, or a Vietnamese message naming the allowed values. */
export function parseRole(value: string): { role: Role } | { problem: string } {
  const parsed = Role.safeParse(value);
  if (parsed.success) return { role: parsed.data };
  return {
    problem: `Vai trò «${value}» không hợp lệ; chỉ dùng một trong: ${ROLES.join(", ")}.`,
  };
}
