export * from './columns';
export * from './data-source-options';
export * from './database.module';
export * from './migrations';
export * from './preflight';
export * from './typeorm-logger';
export * from './transaction.module';
export * from './transaction.service';
