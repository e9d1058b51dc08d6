/** The backend-call contract as one JSON Schema document, generated from the zod schemas that enforce it. */
import { z } from 'zod';
import {
  contractVersion,
  errorAnswerSchema,
  heartbeatSchema,
  okAnswerSchema,
  requestCreatedSchema,
  requestReceiptSchema,
  requestUpdatedSchema,
  statusAnswerSchema,
  statusQuerySchema,
} from '../../shared/backend/messages.js';

export const contractMessages = {
  'request.created': requestCreatedSchema,
  'request.receipt': requestReceiptSchema,
  'status.query': statusQuerySchema,
  'status.answer': statusAnswerSchema,
  'request.updated': requestUpdatedSchema,
  'kiosk.heartbeat': heartbeatSchema,
  'ok.answer': okAnswerSchema,
  'error.answer': errorAnswerSchema,
} as const;

export type ContractMessageName = keyof typeof contractMessages;

/** The whole contract as one JSON Schema (draft 2020-12) document, one definition per message. */
export function contractJsonSchema(): object {
  const defs = Object.fromEntries(
    Object.entries(contractMessages).map(([name, schema]) => {
      // Each definition would repeat the document's own $schema; keep it once, at the top.
      const definition = { ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>) };
      delete definition.$schema;
      return [name, definition];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Lobby kiosk backend-call contract, version ${contractVersion}`,
    description:
      'Generated from shared/backend/messages.ts by `npm run schema`; tests/unit/delivery/backend-contract.test.ts fails when it is stale. See docs/backend-contract.md.',
    $defs: defs,
  };
}

/** The file as committed: the document, two-space indented, with a final newline. */
export function contractSchemaText(): string {
  return `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
}
