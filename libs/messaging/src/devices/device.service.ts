import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { DomainException, fieldError, FieldErrorCode, type FieldError } from '@app/common';
import { verifyRegistration } from '@app/crypto';
import { TransactionService } from '@app/database';
import { AccessPolicy, type Viewer } from '@app/identity';
import { DeviceEntity } from '../entities/device.entity';
import { isUuid, normalizeId } from '../ids';
import { MessagingEvents } from '../messaging-events';

export interface RegisterDeviceInput {
  name: string;
  identityKey: string;
  encryptionKey: string;
  keySignature: string;
}

/** Devices per member: a member may register at most this many unrevoked ones. */
export const MAX_DEVICES = 20;
/** A 32-byte public key in standard base64 (the GraphQL input checks the same pattern). */
export const PUBLIC_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;
/** A 64-byte Ed25519 signature in standard base64. */
export const KEY_SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{86}==$/;

/** Client devices and their public keys (only public keys ever reach the server; docs/SECURITY.md). */
@Injectable()
export class DeviceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionService,
    private readonly access: AccessPolicy,
    private readonly events: MessagingEvents,
  ) {}

  async register(viewer: Viewer, input: RegisterDeviceInput): Promise<DeviceEntity> {
    const actor = this.access.member(viewer);
    const fields: FieldError[] = [];
    const keysWellFormed =
      PUBLIC_KEY_BASE64.test(input.identityKey) && PUBLIC_KEY_BASE64.test(input.encryptionKey);
    if (!PUBLIC_KEY_BASE64.test(input.identityKey)) {
      fields.push(
        fieldError('identityKey', FieldErrorCode.INVALID_FORMAT, 'must be a 32-byte public key in base64'),
      );
    }
    if (!PUBLIC_KEY_BASE64.test(input.encryptionKey)) {
      fields.push(
        fieldError('encryptionKey', FieldErrorCode.INVALID_FORMAT, 'must be a 32-byte public key in base64'),
      );
    }
    if (keysWellFormed && !(KEY_SIGNATURE_BASE64.test(input.keySignature) && verifyRegistration(input))) {
      fields.push(
        fieldError(
          'keySignature',
          KEY_SIGNATURE_BASE64.test(input.keySignature)
            ? FieldErrorCode.INVALID
            : FieldErrorCode.INVALID_FORMAT,
          'must be the identity key’s signature over both public keys (libs/crypto registrationOf)',
        ),
      );
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) {
      fields.push(
        name.length === 0
          ? fieldError('name', FieldErrorCode.REQUIRED, 'must be 1 to 100 characters')
          : fieldError('name', FieldErrorCode.TOO_LONG, 'must be 1 to 100 characters', { min: 1, max: 100 }),
      );
    }
    if (fields.length > 0) {
      throw DomainException.badInput('The device has invalid fields.', fields);
    }
    const registered = await this.transactions.run(async (manager) => {
      if (await manager.existsBy(DeviceEntity, { identityKey: input.identityKey })) {
        throw DomainException.badInput(
          'This identity key is already registered; every device makes its own keys.',
          [fieldError('identityKey', FieldErrorCode.DUPLICATE, 'is already registered')],
        );
      }
      const active = await manager.countBy(DeviceEntity, { memberId: actor.memberId, revokedAt: IsNull() });
      if (active >= MAX_DEVICES) {
        throw DomainException.badInput(`At most ${MAX_DEVICES} devices; revoke one first.`);
      }
      const device = Object.assign(new DeviceEntity(), {
        id: randomUUID(),
        memberId: actor.memberId,
        name,
        identityKey: input.identityKey,
        encryptionKey: input.encryptionKey,
        keySignature: input.keySignature,
        createdAt: new Date(),
        revokedAt: null,
      });
      await manager.insert(DeviceEntity, device);
      return device;
    });
    this.events.devicesChanged({
      memberId: registered.memberId,
      deviceId: registered.id,
      change: 'REGISTERED',
    });
    return registered;
  }

  /** A member's unrevoked devices (their public keys), for any active member; the owner also sees revoked ones. */
  async devices(viewer: Viewer, memberId: string): Promise<DeviceEntity[]> {
    const actor = this.access.member(viewer);
    const devices = await this.dataSource.getRepository(DeviceEntity).find({
      where: actor.memberId === memberId ? { memberId } : { memberId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return devices;
  }

  /** Revokes one of the caller's own devices; its sockets are disconnected. */
  async revoke(viewer: Viewer, deviceId: string): Promise<DeviceEntity> {
    const actor = this.access.authenticated(viewer);
    const device = await this.transactions.run(async (manager) => {
      const found = await manager.findOneBy(DeviceEntity, { id: deviceId });
      if (!found || found.memberId !== actor.memberId) {
        throw DomainException.notFound('No such device of yours.');
      }
      if (!found.revokedAt) {
        found.revokedAt = new Date();
        await manager.update(DeviceEntity, { id: deviceId }, { revokedAt: found.revokedAt });
      }
      return found;
    });
    this.events.deviceRevoked({ memberId: device.memberId, deviceId: device.id });
    this.events.devicesChanged({ memberId: device.memberId, deviceId: device.id, change: 'REVOKED' });
    return device;
  }

  /** For the socket handshake: the device must be the member's own and not revoked. */
  async requireUsable(memberId: string, deviceId: unknown): Promise<DeviceEntity> {
    if (!isUuid(deviceId)) {
      throw DomainException.badInput(
        'Name your device in handshake.auth.deviceId (registerDevice gives one).',
      );
    }
    const device = await this.dataSource.getRepository(DeviceEntity).findOneBy({ id: normalizeId(deviceId) });
    if (!device || device.memberId !== memberId || device.revokedAt) {
      throw DomainException.forbidden('This device is not yours or has been revoked.');
    }
    return device;
  }
}
