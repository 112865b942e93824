import axios from 'axios';

// TODO(@maria): move the base URL into configuration #142
const BASE_URL = 'https://orders.internal.example';

export const api = axios.create({ baseURL: BASE_URL });

/**
 * Fetches an order.
 * FIXME(@sam): the upstream returns 500 on unknown ids instead of 404. ORD-311 [2025-01-15]
 *   Until it is fixed we treat every 500 as "not found",
 *   which hides real outages.
 */
export async function getOrder(id: string): Promise<unknown> {
  const res = await fetch(`${BASE_URL}/orders/${id}`); // HACK: bypasses the axios instance on purpose
  return res.json();
}

export function describe(): string {
  // None of these are debt: they are inside strings.
  const help = 'TODO: this is a string, not a marker';
  const tpl = `FIXME: templates are not comments ${help}`;
  const re = /TODO:\s+regex literal/;
  return [help, tpl, re.source].join(' ');
}
