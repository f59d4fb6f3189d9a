import { Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from '../../libs/persistence/index.js';

/**
 * Admin-panel sessions (express-session), in the shared database so every instance behind a load balancer
 * sees the same logins (TECH-NOTES "Growing past one machine"). Written only by TypeormSessionStore.
 */
@Entity('admin_session')
@Index('idx_admin_session_expires', ['expiresAt'])
export class AdminSession {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid: string;

  /** the serialized session (JSON) */
  @TextColumn()
  data: string;

  @InstantColumn({ name: 'expires_at' })
  expiresAt: Date;
}
