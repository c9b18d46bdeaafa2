export * from './test-infra';
export * from './wait-for';
export * from './test-topics';
export * from './test-issuer';
export * from './test-service';
export * from './bench-report';
export * from './test-person-keys';
export * from './opaque-sealed';
