import Link from "next/link";
import { requireUser } from "@/lib/auth/index.ts";
import { learnerStats } from "@/lib/db/index.ts";
import { ForecastChart } from "@/components/stats/forecast-chart.tsx";
import { ReviewHeatmap } from "@/components/stats/review-heatmap.tsx";
import { RetentionChart } from "@/components/stats/retention-chart.tsx";
import { StateChart } from "@/components/stats/state-chart.tsx";
import styles from "@/components/stats/stats.module.css";

export const metadata = { title: "Statistics" };

export default async function StatsPage() {
  const user = await requireUser("/stats");
  const stats = await learnerStats(user, new Date());
  return (
    <>
      <div className="page-head">
        <h1>Statistics</h1>
        <div className={styles.exports}>
          <a className="button secondary small" href="/api/export/reviews" download>
            Reviews CSV
          </a>
          <a className="button secondary small" href="/api/export/backup" download>
            Backup
          </a>
        </div>
      </div>
      <p className="muted">
        Days run from 4 a.m. to 4 a.m. in {stats.timeZone} (<Link href="/settings">change</Link>). {stats.totalReviews} reviews in all.
      </p>
      <div className={styles.grid}>
        <ForecastChart days={stats.forecast} />
        <StateChart counts={stats.states} />
        <div className={styles.wide}>
          <ReviewHeatmap days={stats.reviewsPerDay} />
        </div>
        <RetentionChart id="retention-weeks" unit="week" periods={stats.retention.weeks} desiredRetention={stats.desiredRetention} />
        <RetentionChart id="retention-months" unit="month" periods={stats.retention.months} desiredRetention={stats.desiredRetention} />
      </div>
    </>
  );
}
