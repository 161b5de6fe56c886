// Staff user names: lower-case letters, digits, dot, dash, underscore; 2 to 40 characters.
export const USERNAME = /^[a-z0-9._-]{2,40}$/;
