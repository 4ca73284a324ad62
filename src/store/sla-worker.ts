import {DatabaseSync} from 'node:sqlite';
import {parentPort, workerData} from 'node:worker_threads';
import {aggregateSlaRequest, type SlaRequest} from './sla-tickets.js';

/**
 * A worker thread's whole work: csr's SLA aggregates (services/sla.ts) on a read-only connection of its own, while the
 * main thread computes the rest of `csr stats` on the other core. Answers one array of entries per request.
 */
const {path, requests} = workerData as {path: string; requests: readonly SlaRequest[]};
const db = new DatabaseSync(path, {readOnly: true, timeout: 10_000});
try {
	parentPort?.postMessage(requests.map((request) => [...aggregateSlaRequest(db, request)]));
} finally {
	db.close();
}
