import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MemberStatus, WaitingRange } from '@app/identity';

registerEnumType(WaitingRange, {
  name: 'WaitingRange',
  description: 'Whole days a PENDING applicant has waited since applying',
  valuesMap: {
    UNDER_WEEK: { description: 'Fewer than 7 days' },
    WEEK_TO_MONTH: { description: '7 to 29 days' },
    MONTH_TO_QUARTER: { description: '30 to 89 days' },
    OVER_QUARTER: { description: '90 days or more' },
  },
});

@ObjectType('CountryStatusCount')
export class CountryStatusCountModel {
  @Field()
  country: string;

  @Field(() => MemberStatus)
  status: MemberStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('MonthCount')
export class MonthCountModel {
  @Field({ description: 'YYYY-MM, UTC' })
  month: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('CountryCount')
export class CountryCountModel {
  @Field()
  country: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('WaitingBucket')
export class WaitingBucketModel {
  @Field(() => WaitingRange)
  range: WaitingRange;

  @Field(() => Int)
  count: number;
}

@ObjectType('ApplicantsWaiting', { description: 'PENDING applicants, waiting since they applied' })
export class ApplicantsWaitingModel {
  @Field(() => Int)
  count: number;

  @Field(() => Int, { nullable: true, description: 'Whole days the longest-waiting applicant has waited' })
  oldestDays: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Median whole days waited (an even count: the mean of the two middle values, rounded down)',
  })
  medianDays: number | null;

  @Field(() => [WaitingBucketModel], { description: 'Exactly one per WaitingRange, in order, zero-filled' })
  buckets: WaitingBucketModel[];
}

@ObjectType('NetworkStatistics', {
  description:
    'The coordinators’ desk: counted by the database within your countries (everything for an admin)',
})
export class NetworkStatisticsModel {
  @Field()
  generatedAt: Date;

  @Field(() => [String], { description: 'The countries these numbers cover (ISO 3166-1 alpha-2, sorted)' })
  countries: string[];

  @Field(() => [CountryStatusCountModel], {
    description: 'Members per profile country and status, count > 0, by country then status',
  })
  membersByCountry: CountryStatusCountModel[];

  @Field(() => [MonthCountModel], {
    description:
      'VETTED members whose vettedUntil falls in this month (UTC) and each of the next 11; 12 rows',
  })
  vettingsExpiring: MonthCountModel[];

  @Field(() => [CountryCountModel], {
    description:
      'Profiles not confirmed for 12 months (never confirmed: since created) per country, count > 0',
  })
  staleProfiles: CountryCountModel[];

  @Field(() => ApplicantsWaitingModel)
  applicantsWaiting: ApplicantsWaitingModel;
}
