import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Viewer } from '@app/identity';
import { DeviceService, requireUuid } from '@app/messaging';
import { CurrentViewer } from '../auth/viewer';
import { RegisterDeviceInput } from './messaging.inputs';
import { DeviceModel } from './messaging.models';

/** Client devices and their public keys; a socket names one of its member's devices in the handshake. */
@Resolver(() => DeviceModel)
export class DeviceResolver {
  constructor(private readonly deviceService: DeviceService) {}

  @Mutation(() => DeviceModel)
  registerDevice(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RegisterDeviceInput,
  ): Promise<DeviceModel> {
    return this.deviceService.register(viewer, input);
  }

  @Query(() => [DeviceModel], { description: 'A member’s devices (public keys); yours include revoked ones' })
  devices(
    @CurrentViewer() viewer: Viewer,
    @Args('memberId', { type: () => ID }) memberId: string,
  ): Promise<DeviceModel[]> {
    return this.deviceService.devices(viewer, requireUuid(memberId, 'memberId'));
  }

  @Mutation(() => DeviceModel, { description: 'Revokes one of your devices; its sockets are disconnected' })
  revokeDevice(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<DeviceModel> {
    return this.deviceService.revoke(viewer, requireUuid(id, 'id'));
  }
}
