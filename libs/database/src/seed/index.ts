export * from './contact-leaks';
export * from './demo-network.bootstrap';
export * from './demo-network.plan';
export * from './demo-seed.service';
export * from './seed.module';
export * from './demo-network.data';
