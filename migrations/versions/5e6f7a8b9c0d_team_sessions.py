"""team sessions: team formats scheduled by the leader, with participants and attendance

Revision ID: 5e6f7a8b9c0d
Revises: 0a1b2c3d4e5f
Create Date: 2026-11-23 21:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e6f7a8b9c0d'
down_revision = '0a1b2c3d4e5f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('team_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('module_code', sa.String(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('scheduled_by_id', sa.Integer(), nullable=True),
    sa.Column('scheduled_at', sa.DateTime(), nullable=False),
    sa.Column('attendance_confirmed_at', sa.DateTime(), nullable=True),
    sa.Column('attendance_confirmed_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_team_sessions_school_id_schools')),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_team_sessions_team_id_teams'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scheduled_by_id'], ['users.id'], name=op.f('fk_team_sessions_scheduled_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['attendance_confirmed_by_id'], ['users.id'], name=op.f('fk_team_sessions_attendance_confirmed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_sessions'))
    )
    with op.batch_alter_table('team_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_sessions_school_id'), ['school_id'], unique=False)

    op.create_table('session_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['team_sessions.id'], name=op.f('fk_session_participants_session_id_team_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['teacher_id'], ['users.id'], name=op.f('fk_session_participants_teacher_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_participants')),
    sa.UniqueConstraint('session_id', 'teacher_id', name=op.f('uq_session_participants_session_id'))
    )
    with op.batch_alter_table('session_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_participants_teacher_id'), ['teacher_id'], unique=False)


def downgrade():
    with op.batch_alter_table('session_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_participants_teacher_id'))
    op.drop_table('session_participants')
    with op.batch_alter_table('team_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_sessions_school_id'))
    op.drop_table('team_sessions')
