import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length, Matches } from 'class-validator';
import { MAX_GROUP_SIZE, MAX_TITLE_LENGTH, PUBLIC_KEY_BASE64, KEY_SIGNATURE_BASE64 } from '@app/messaging';

@InputType()
export class CreateGroupConversationInput {
  @Field()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH)
  title: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_SIZE - 1)
  @IsUUID('all', { each: true })
  memberIds: string[];
}

@InputType()
export class AddParticipantsInput {
  @Field(() => ID)
  @IsUUID()
  conversationId: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GROUP_SIZE)
  @IsUUID('all', { each: true })
  memberIds: string[];
}

@InputType()
export class RemoveParticipantInput {
  @Field(() => ID)
  @IsUUID()
  conversationId: string;

  @Field(() => ID)
  @IsUUID()
  memberId: string;
}

@InputType()
export class RegisterDeviceInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @Field({ description: 'Ed25519 public key (32 bytes), base64' })
  @Matches(PUBLIC_KEY_BASE64, { message: 'identityKey must be a 32-byte public key in base64' })
  identityKey: string;

  @Field({ description: 'X25519 public key (32 bytes), base64' })
  @Matches(PUBLIC_KEY_BASE64, { message: 'encryptionKey must be a 32-byte public key in base64' })
  encryptionKey: string;

  @Field({
    description:
      'Ed25519 signature by the identity key over both public keys (libs/crypto registrationOf), 64 bytes, base64',
  })
  @Matches(KEY_SIGNATURE_BASE64, { message: 'keySignature must be a 64-byte signature in base64' })
  keySignature: string;
}
