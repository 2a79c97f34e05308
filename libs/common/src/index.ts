export * from './errors/domain.exception';
export * from './errors/error-codes';
export * from './health/extra-health-check';
export * from './health/health.module';
export * from './logging/logging.module';
export * from './boot/run-application';
export * from './validation/validation';
export * from './random';
