// The licence of the portal's data. The repository states none, so none is claimed: pages, the
// JSON-LD and the data package say so in these words instead of inventing one.
export const DATA_LICENCE: { name: string; url?: string } = { name: "Chưa ghi giấy phép" };
