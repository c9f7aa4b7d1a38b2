"""join code expiry: when a school's code was made and for how many days it runs

Revision ID: 1b2c3d4e5f6a
Revises: f1a2b3c4d5e6
Create Date: 2026-11-25 10:00:00.000000

"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1b2c3d4e5f6a'
down_revision = 'f1a2b3c4d5e6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('join_code_set_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('join_code_days', sa.Integer(), nullable=True))
    # Existing codes count as made now: a period a leader sets runs from today.
    schools = sa.table('schools', sa.column('join_code_set_at', sa.DateTime()))
    op.execute(schools.update().values(join_code_set_at=datetime.now(UTC).replace(tzinfo=None)))


def downgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.drop_column('join_code_days')
        batch_op.drop_column('join_code_set_at')
