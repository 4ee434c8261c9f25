export * from './enums';
export * from './users';
export * from './plans';
export * from './registries';
export * from './progress';
export * from './meetings';
export * from './audit';
export * from './relations';
