export * from './entities/member.entity';
export * from './identity.module';
export * from './member.enums';
