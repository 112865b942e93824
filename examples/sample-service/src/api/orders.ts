import pRetry from 'p-retry';
import { api } from './client';

// Goes through the `api` instance from client.ts, which has no timeout.
export async function listOrders(): Promise<unknown> {
  const res = await api.get('/orders');
  return res.data;
}

// Bounded and retried: no findings.
export async function getOrderStatus(id: string): Promise<unknown> {
  return pRetry(() => fetch(`https://orders.internal.example/status/${id}`, { signal: AbortSignal.timeout(2000) }), { retries: 3 });
}

// The failure disappears into a log line.
export async function notifyShipped(id: string): Promise<void> {
  try {
    await api.post(`/orders/${id}/shipped`, {}, { timeout: 3000 });
  } catch (err) {
    console.warn('notify failed', err);
  }
}

export async function streamUpdates(): Promise<Response> {
  // debt-ledger-ignore resilience/timeout: server-sent events stay open by design
  return fetch('https://orders.internal.example/updates');
}
