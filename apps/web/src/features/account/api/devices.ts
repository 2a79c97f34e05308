/** Typed documents generated from ./devices.graphql (npm run web:codegen). */
export {
  AccountDevicesDocument as DevicesQuery,
  AccountRevokeDeviceDocument as RevokeDeviceMutation,
} from '@web/lib/graphql/graphql';
