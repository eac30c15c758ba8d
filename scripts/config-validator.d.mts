/** The source of src/config/config-validator.generated.ts for the schema as it is now. */
export function configValidatorSource(): string;
