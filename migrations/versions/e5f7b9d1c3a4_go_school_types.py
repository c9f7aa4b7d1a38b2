"""go school types

Revision ID: e5f7b9d1c3a4
Revises: c3d5f7a9b1e2
Create Date: 2026-11-23 21:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5f7b9d1c3a4'
down_revision = 'c3d5f7a9b1e2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('go_type', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.drop_column('go_type')
