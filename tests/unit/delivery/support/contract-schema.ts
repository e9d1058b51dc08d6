/** The generator lives beside `npm run schema`; the tests check the committed file and the docs against it. */
export {
  contractJsonSchema,
  contractMessages,
  contractSchemaText,
  type ContractMessageName,
} from '../../../../electron/tools/backend-schema.js';
