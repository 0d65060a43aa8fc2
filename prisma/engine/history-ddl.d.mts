export declare const SQLITE_MIGRATIONS_TABLE_DDL: string;
export declare const POSTGRES_MIGRATIONS_TABLE_DDL: string;
