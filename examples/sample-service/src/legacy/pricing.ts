// @ts-nocheck
// TODO: delete this module once every client uses pricing v2 [2024-06-30]
export function price(qty, unit) {
  // eslint-disable-next-line eqeqeq -- legacy callers pass strings
  if (qty == 0) return 0;
  return qty * unit; // todo handle currencies
}
